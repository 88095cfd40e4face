import type { Metadata } from "next";
import type { ReactNode } from "react";
import { QueryProvider } from "@/components/app/query-provider";
import { Toaster } from "@/components/ui/toast";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Gift Desk", template: "%s · Gift Desk" },
  description: "Send corporate gifts through Sendoso and review what your team sent.",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen bg-canvas font-sans text-ink antialiased">
        <QueryProvider>{children}</QueryProvider>
        <Toaster />
      </body>
    </html>
  );
}
