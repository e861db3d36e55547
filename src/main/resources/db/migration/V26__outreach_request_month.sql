-- The month a request came in (district time, as yyyymm), kept with the request so that the monthly
-- figures group by a plain column: converting every timestamp to the district's time zone and
-- extracting year and month was most of the figures page at 200,000 requests (bench/RESULTS.md).
alter table citizen_request add column received_month integer;
update citizen_request set received_month = cast(extract(year from received_at at time zone 'Asia/Shanghai') * 100
    + extract(month from received_at at time zone 'Asia/Shanghai') as integer);
