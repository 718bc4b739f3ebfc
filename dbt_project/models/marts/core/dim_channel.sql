select
    cast(channel_id as text)                                 as channel_id,
    cast(channel_name as text)                               as channel_name,
    cast(source_system as text)                              as source_system,
    cast(message_kind as text)                               as message_kind
from {{ ref('channels') }}
