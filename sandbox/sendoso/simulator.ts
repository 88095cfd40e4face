import http from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { createDispatcher } from "./dispatch";
import { type ResolvedOptions, resolveOptions, type SendosoSimulatorOptions } from "./options";
import { createState, type SimulatorState } from "./state";

export interface SendosoSimulator {
  server: http.Server;
  state: SimulatorState;
  options: ResolvedOptions;
  /** Starts listening; resolves to the base URL, e.g. "http://127.0.0.1:4010". Port 0 picks a free port. */
  listen(port?: number, host?: string): Promise<string>;
  /** Stops the server and destroys every open socket, including requests held by a `hang` fault. */
  close(): Promise<void>;
}

/** An in-memory Sendoso API + OAuth simulator; every instance has its own state. */
export function createSendosoSimulator(options: SendosoSimulatorOptions = {}): SendosoSimulator {
  const resolved = resolveOptions(options);
  const state = createState(resolved);
  const dispatch = createDispatcher(state);
  const server = http.createServer((req, res) => {
    void dispatch(req, res);
  });
  const sockets = new Set<Socket>();
  // Status changes happen as the simulator clock moves, not only on requests: look once a second.
  let webhookTimer: NodeJS.Timeout | null = null;
  server.on("listening", () => {
    webhookTimer = setInterval(() => state.webhooks.pump(), 1000).unref();
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });

  return {
    server,
    state,
    options: resolved,
    listen(port = 0, host = "127.0.0.1") {
      return new Promise((resolve, reject) => {
        const onError = (error: Error) => reject(error);
        server.once("error", onError);
        server.listen(port, host, () => {
          server.off("error", onError);
          const address = server.address() as AddressInfo;
          const shownHost = address.family === "IPv6" ? `[${address.address}]` : address.address;
          resolve(`http://${shownHost}:${address.port}`);
        });
      });
    },
    close() {
      if (webhookTimer) clearInterval(webhookTimer);
      state.webhooks.close();
      return new Promise((resolve) => {
        if (!server.listening) return resolve();
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
        sockets.clear();
      });
    },
  };
}

export type { SendosoSimulatorOptions } from "./options";
export type { SimulatorState } from "./state";
