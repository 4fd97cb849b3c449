/**
 * 严重失信主体名单 (R1 "社会信用良好", 通知第二条第一款): a unit listed by an authority for a period
 * covering the day of the check is not of good social credit. A listing is in force from its listing
 * date through its end date (both inclusive, Asia/Shanghai calendar dates); no end date means until it
 * is lifted. An expired listing no longer refuses (信用修复 / 移出期满).
 */
export interface DishonestyListing {
  /** 列入机关 (e.g. 湖南省市场监督管理局). */
  authority: string;
  /** 列入日期, YYYY-MM-DD. */
  listedOn: string;
  /** 有效期至 (inclusive), YYYY-MM-DD; null = 长期（未定期限）. */
  until: string | null;
  /** 列入事由. */
  reason: string;
}

export function isListingInForce(listing: DishonestyListing, today: string): boolean {
  return listing.listedOn <= today && (listing.until === null || today <= listing.until);
}

/** The first listing in force on `today` (earliest listed first), or null when none is. */
export function listingInForce<T extends DishonestyListing>(listings: readonly T[], today: string): T | null {
  const inForce = listings.filter((l) => isListingInForce(l, today));
  inForce.sort((a, b) => (a.listedOn < b.listedOn ? -1 : a.listedOn > b.listedOn ? 1 : 0));
  return inForce[0] ?? null;
}

/** 有效期 as shown to people: "2026-01-05至2029-01-04" or "2026-01-05起长期有效". */
export function listingPeriodText(listing: Pick<DishonestyListing, 'listedOn' | 'until'>): string {
  return listing.until === null ? `${listing.listedOn}起长期有效` : `${listing.listedOn}至${listing.until}`;
}
