-- Every channel's inbound messages in one shape, with the institution they address and their
-- redacted text and labels (webcare.annotate; raw text never reaches the models). Each channel
-- maps itself onto the shape in int_<channel>__messages; the list is the var `channel_mappings`
-- (docs/adding-a-channel.md): nothing here or downstream names a channel.
-- Only messages written before the warehouse's as-of instant: what an API served or a file
-- brought from after it waits for the run whose window holds it (docs/metrics.md#as-of).
-- A table: the channels' views are evaluated once per build, not once for each reader and test
-- (issue 12; docs/decision-log.md, "One evaluation of the channel views").
{{ config(materialized='table') }}
with

unioned as (

    {% for channel in var('channel_mappings') %}
    select * from {{ ref('int_' ~ channel ~ '__messages') }}
    {% if not loop.last %}union all{% endif %}
    {% endfor %}

)

select
    unioned.*,
    institutions.time_zone
from unioned
inner join {{ ref('stg_webcare__institutions') }} as institutions using (institution_id)
where unioned.created_at < (select as_of from {{ ref('int_warehouse_as_of') }})
