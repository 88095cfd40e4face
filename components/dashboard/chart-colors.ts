/** Series colours: distinguishable from each other and at least 3:1 against white (WCAG 1.4.11). */
export const SERIES_COLORS = ["#4f46e5", "#0e7490", "#c2410c", "#15803d", "#a21caf", "#b45309", "#475569"];
