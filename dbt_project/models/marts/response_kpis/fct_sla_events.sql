-- One row per SLA event (for now one metric, first_response, per message with an SLA).
-- A view (issue 12): a projection of fct_interactions, which it reads alone, so publishing moves
-- it with the facts; as a table it copied a million rows at 1 M messages on every build (17 s).
-- Its key is unique by construction: one row per fct_interactions row, whose key is enforced.
{{ config(materialized='view') }}
select
    cast(message_id || ':first_response' as text)            as sla_event_id,
    cast(message_id as text)                                 as message_id,
    cast(institution_id as text)                             as institution_id,
    cast(channel_id as text)                                 as channel_id,
    cast(date_day as date)                                   as date_day,
    cast('first_response' as text)                           as sla_metric,
    cast(sla_priority as text)                               as sla_priority,
    cast(sla_target_minutes as integer)                      as sla_target_minutes,
    cast(sla_time_basis as text)                             as sla_time_basis,
    cast(created_at as timestamptz)                          as started_at,
    cast(sla_breach_at as timestamptz)                       as sla_breach_at,
    cast(first_response_at as timestamptz)                   as stopped_at,
    cast(sla_status as text)                                 as sla_status,
    sla_status = 'breached'                                  as is_breached,
    cast(sla_elapsed_minutes as double precision)            as sla_elapsed_minutes
from {{ ref('fct_interactions') }}
where sla_status is not null
