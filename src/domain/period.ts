/** The days a bulletin covers, as the release states them. */
export interface Period {
  /** ISO dates (YYYY-MM-DD), both days included. */
  from: string;
  to: string;
}
