{#
  Every business_hours row closes after it opens on the same local date (docs/metrics.md#business-hours).
  An overnight shift (22:00-06:00) is two rows: 22:00-24:00 on its day and 00:00-06:00 on the next
  weekday. A row closing at or before its opening would give an empty or negative interval.
#}
{% test closes_after_opens(model) %}
select institution_id, channel_id, valid_from, iso_day_of_week, opens_at, closes_at
from {{ model }}
where cast(closes_at as time) <= cast(opens_at as time)
{% endtest %}
