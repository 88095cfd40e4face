import { cn } from "@/components/ui/cn";

type Props = { src: string | null; className?: string };

/**
 * A touch card's picture, or a plain placeholder. A lazy, async-decoded <img> with fixed size, not
 * next/image: the picture is already small, immutable and cached by its hash, and the optimizer would
 * add a round trip and client code for nothing. Decorative: the card's name says what it is.
 */
export function TouchPicture({ src, className }: Props) {
  if (!src) {
    return (
      <div
        aria-hidden="true"
        className={cn(
          "flex items-center justify-center rounded-control bg-surface-muted text-2xl",
          className,
        )}
      >
        🎁
      </div>
    );
  }
  return (
    // biome-ignore lint/performance/noImgElement: see above; our own route, cached for good by hash
    <img
      src={src}
      alt=""
      width={96}
      height={96}
      loading="lazy"
      decoding="async"
      className={cn("rounded-control bg-surface-muted object-cover", className)}
    />
  );
}
