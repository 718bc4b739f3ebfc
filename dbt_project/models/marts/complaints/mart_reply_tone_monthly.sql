-- How institutions answer: institution x channel x month x tone of their replies.
with

responses as (

    select responses.*, dim_date.month_start
    from {{ ref('fct_responses') }} as responses
    inner join {{ ref('dim_date') }} as dim_date using (date_day)
    where responses.tone is not null

)

select
    cast(institution_id as text)                             as institution_id,
    cast(channel_id as text)                                 as channel_id,
    cast(month_start as date)                                as month_start,
    cast(tone as text)                                       as tone,
    cast(count(*) as integer)                                as replies_count,
    cast(count(*)::double precision / sum(count(*)) over (partition by institution_id, channel_id, month_start)
         as double precision)                                as share_of_replies,
    cast(count(*) filter (where moves_to_private) as integer) as moves_to_private_count,
    cast(count(*) filter (where gives_medical_advice) as integer) as medical_advice_count
from responses
group by 1, 2, 3, 4
