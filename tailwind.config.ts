import type { Config } from "tailwindcss";

/**
 * Gift Desk theme.
 *
 * Loaded by Tailwind v4 through `@config "../tailwind.config.ts";` in app/globals.css.
 * Every text/background pairing used by components/ui is WCAG AA (>= 4.5:1):
 *   white on brand-600 6.3, brand-700 on white 7.9, ink-muted on canvas 7.2,
 *   {success,warning,danger,info}-strong on their -soft background >= 6.5,
 *   {success,warning,danger,info} DEFAULT on white >= 5.0, white on danger 6.5.
 * `line-strong` (slate-500) is used for form-control borders (4.8:1, above the 3:1 non-text minimum).
 */
const config: Config = {
  content: ["./app/**/*.{ts,tsx}", "./components/**/*.{ts,tsx}"],
  theme: {
    extend: {
      colors: {
        // Calm indigo brand.
        brand: {
          DEFAULT: "#4f46e5",
          foreground: "#ffffff",
          50: "#eef2ff",
          100: "#e0e7ff",
          200: "#c7d2fe",
          300: "#a5b4fc",
          400: "#818cf8",
          500: "#6366f1",
          600: "#4f46e5",
          700: "#4338ca",
          800: "#3730a3",
          900: "#312e81",
          950: "#1e1b4b",
        },
        // Neutral slate surfaces and text.
        canvas: "#f8fafc",
        surface: { DEFAULT: "#ffffff", muted: "#f1f5f9" },
        ink: { DEFAULT: "#0f172a", muted: "#475569" },
        line: { DEFAULT: "#e2e8f0", strong: "#64748b" },
        // Semantic colours: DEFAULT = text/solid on white, strong = text on soft, soft = tinted background.
        success: { DEFAULT: "#15803d", strong: "#166534", soft: "#f0fdf4", border: "#bbf7d0" },
        warning: { DEFAULT: "#b45309", strong: "#92400e", soft: "#fffbeb", border: "#fde68a" },
        danger: {
          DEFAULT: "#b91c1c",
          strong: "#991b1b",
          soft: "#fef2f2",
          border: "#fecaca",
          foreground: "#ffffff",
        },
        info: { DEFAULT: "#0369a1", strong: "#075985", soft: "#f0f9ff", border: "#bae6fd" },
      },
      fontFamily: {
        sans: [
          "ui-sans-serif",
          "system-ui",
          "-apple-system",
          "BlinkMacSystemFont",
          '"Segoe UI"',
          "Roboto",
          '"Helvetica Neue"',
          "Arial",
          '"Noto Sans"',
          "sans-serif",
          '"Apple Color Emoji"',
          '"Segoe UI Emoji"',
        ],
        mono: [
          "ui-monospace",
          "SFMono-Regular",
          "Menlo",
          "Monaco",
          "Consolas",
          '"Liberation Mono"',
          "monospace",
        ],
      },
      borderRadius: {
        control: "0.375rem",
        card: "0.75rem",
      },
      boxShadow: {
        card: "0 1px 2px 0 rgb(15 23 42 / 0.06), 0 1px 3px 0 rgb(15 23 42 / 0.08)",
        dialog: "0 20px 25px -5px rgb(15 23 42 / 0.15), 0 8px 10px -6px rgb(15 23 42 / 0.12)",
      },
      keyframes: {
        "overlay-in": { from: { opacity: "0" }, to: { opacity: "1" } },
        "dialog-in": {
          from: { opacity: "0", transform: "translate(-50%, -48%) scale(0.97)" },
          to: { opacity: "1", transform: "translate(-50%, -50%) scale(1)" },
        },
      },
      animation: {
        "overlay-in": "overlay-in 150ms ease-out",
        "dialog-in": "dialog-in 150ms ease-out",
      },
    },
  },
};

export default config;
