/** The largest dataset the bench takes (synthetic or uploaded): the what-if stays instant up to here. */
export const MAX_RECORDS = 100_000;
