/** Releases everyone once `parties` callers have arrived: lines racers up at one point of the code. */
export function barrier(parties: number) {
  let arrived = 0;
  let open: () => void = () => {};
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return {
    async arrive(): Promise<void> {
      arrived++;
      if (arrived >= parties) open();
      await opened;
    },
  };
}
