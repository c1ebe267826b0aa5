/**
 * The time zone an article's dates are read and shown in: its source's (the configuration its crawl run used), else
 * the one given with an item added by hand (`extraction.timezone`); null when neither is known (shown as UTC).
 * `alias` names the articles row in the query.
 */
export function articleTimezoneSql(alias: string): string {
  return `coalesce((SELECT tz_run.source_config ->> 'timezone' FROM crawl_runs tz_run WHERE tz_run.id = ${alias}.run_id),
    ${alias}.extraction ->> 'timezone')`;
}
