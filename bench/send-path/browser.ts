/**
 * Just enough of a browser to sign in through OpenID Connect without one: a cookie jar per host and
 * redirects followed by hand (fetch's own redirect handling would drop the cookies set on the way).
 */
export class CookieBrowser {
  private readonly jars = new Map<string, Map<string, string>>();

  cookieHeader(url: URL | string): string {
    const jar = this.jars.get(new URL(url).host);
    return jar ? [...jar].map(([name, value]) => `${name}=${value}`).join("; ") : "";
  }

  has(url: string, name: string): boolean {
    return this.jars.get(new URL(url).host)?.has(name) ?? false;
  }

  private store(url: URL, setCookies: string[]) {
    const jar = this.jars.get(url.host) ?? new Map<string, string>();
    this.jars.set(url.host, jar);
    for (const line of setCookies) {
      const [pair = "", ...attributes] = line.split(";");
      const eq = pair.indexOf("=");
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a)) || value === "";
      if (expired) jar.delete(name);
      else jar.set(name, value);
    }
  }

  /** One request with this browser's cookies; follows redirects (as GETs) unless `follow` is false. */
  async fetch(
    input: string | URL,
    init: RequestInit = {},
    follow = true,
  ): Promise<{ response: Response; url: URL }> {
    let url = new URL(input);
    let request = init;
    for (let hop = 0; hop < 20; hop++) {
      const headers = new Headers(request.headers);
      const cookie = this.cookieHeader(url);
      if (cookie) headers.set("cookie", cookie);
      const response = await fetch(url, { ...request, headers, redirect: "manual" });
      this.store(url, response.headers.getSetCookie());
      const location = response.headers.get("location");
      if (!follow || response.status < 300 || response.status >= 400 || !location) return { response, url };
      await response.arrayBuffer();
      url = new URL(location, url);
      request = { method: "GET" };
    }
    throw new Error(`Too many redirects from ${input}`);
  }
}

/** Form posts as a browser sends them. */
export const formPost = (fields: Record<string, string>): RequestInit => ({
  method: "POST",
  headers: { "content-type": "application/x-www-form-urlencoded" },
  body: new URLSearchParams(fields).toString(),
});
