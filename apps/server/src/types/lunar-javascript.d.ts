/** The part of lunar-javascript (no bundled types) that the holiday anchors use. */
declare module 'lunar-javascript' {
  interface Solar {
    toYmd(): string;
    next(days: number): Solar;
  }
  interface Lunar {
    getSolar(): Solar;
    getJieQiTable(): Record<string, Solar>;
  }
  const lunar: {
    Lunar: { fromYmd(year: number, month: number, day: number): Lunar };
  };
  export default lunar;
}
