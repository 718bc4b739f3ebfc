-- Authors, by pseudonym only (a salted hash): never a handle or a name.
select
    cast(author_pseudonym as text)                           as author_pseudonym,
    cast(min(created_at) as timestamptz)                     as first_seen_at,
    cast(max(created_at) as timestamptz)                     as last_seen_at,
    cast(count(*) as integer)                                as messages_count,
    cast(count(distinct channel_id) as integer)              as channels_count,
    cast(count(distinct institution_id) as integer)          as institutions_count
from {{ ref('fct_interactions') }}
group by author_pseudonym
