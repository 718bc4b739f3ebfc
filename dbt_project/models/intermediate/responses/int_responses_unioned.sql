-- Every channel's institution replies in one shape: which message each one answers, with the
-- reply's redacted text and labels. Each channel maps itself in int_<channel>__replies; the list
-- is the var `channel_mappings` (docs/adding-a-channel.md).
{% for channel in var('channel_mappings') %}
select * from {{ ref('int_' ~ channel ~ '__replies') }}
{% if not loop.last %}union all{% endif %}
{% endfor %}
