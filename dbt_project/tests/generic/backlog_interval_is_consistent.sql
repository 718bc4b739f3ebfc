{#
  Every backlog interval keeps the definition (docs/metrics.md#backlog): expires_at is exactly
  backlog_max_age_days x 24 hours after opened_at; closed_at and close_reason are null together; an interval
  closes neither before it opens nor after its expiry; an expired one closes at expires_at.
#}
{% test backlog_interval_is_consistent(model) %}
select message_id, opened_at, closed_at, close_reason, expires_at
from {{ model }}
where expires_at <> opened_at + interval '24 hours' * {{ var('backlog_max_age_days') | int }}
   or (closed_at is null) <> (close_reason is null)
   or closed_at < opened_at
   or closed_at > expires_at
   or (close_reason = 'expired' and closed_at <> expires_at)
{% endtest %}
