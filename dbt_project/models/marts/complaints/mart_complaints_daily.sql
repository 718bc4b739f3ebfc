-- What patients write about: institution x channel x local day x domain/category, with how
-- many were complaints and the share written in a negative tone.
select
    cast(institution_id as text)                             as institution_id,
    cast(channel_id as text)                                 as channel_id,
    cast(date_day as date)                                   as date_day,
    cast(domain_code as text)                                as domain_code,
    cast(category_code as text)                              as category_code,
    cast(count(*) as integer)                                as messages_count,
    cast(count(*) filter (where intent = 'complaint') as integer) as complaints_count,
    cast(count(*) filter (where intent = 'question') as integer)  as questions_count,
    cast(count(*) filter (where sentiment = 'negative') as integer) as negative_count,
    cast(count(*) filter (where sentiment = 'negative')::double precision / count(*) as double precision)
                                                             as share_negative
from {{ ref('fct_interactions') }}
where category_code is not null
group by 1, 2, 3, 4, 5
