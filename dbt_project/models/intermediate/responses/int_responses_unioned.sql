-- Every channel's institution replies in one shape: which message each one answers, with the
-- reply's redacted text and labels. Each channel maps itself in int_<channel>__replies; the list
-- is the var `channel_mappings` (docs/adding-a-channel.md).
-- A table: the channels' views are evaluated once per build, not once for each reader and test
-- (issue 12; docs/decision-log.md, "One evaluation of the channel views").
{{ config(materialized='table', indexes=[{'columns': ['message_id']}]) }}
{% for channel in var('channel_mappings') %}
select * from {{ ref('int_' ~ channel ~ '__replies') }}
{% if not loop.last %}union all{% endif %}
{% endfor %}
