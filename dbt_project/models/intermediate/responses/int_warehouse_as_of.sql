-- The instant the warehouse's knowledge ends: the latest extraction cutoff loaded
-- (docs/metrics.md#as-of). The var `as_of` overrides it (tests, reruns of history).
{% if var('as_of', none) %}
select cast('{{ var("as_of") }}' as timestamptz) as as_of
{% else %}
select coalesce(max(cutoff), max(loaded_at), now()) as as_of
from {{ ref('stg_webcare__load_batches') }}
{% endif %}
