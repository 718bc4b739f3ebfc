-- What questions repeat: per institution and month, questions grouped by their signature (the
-- stems of their content words, docs/classifier.md), with a redacted example and a count.
with

questions as (

    select interactions.*, dim_date.month_start
    from {{ ref('fct_interactions') }} as interactions
    inner join {{ ref('dim_date') }} as dim_date using (date_day)
    where interactions.intent = 'question' and interactions.question_signature <> ''

),

grouped as (

    select
        institution_id,
        month_start,
        question_signature,
        count(*)                                             as questions_count,
        count(distinct channel_id)                           as channels_count,
        mode() within group (order by category_code)         as category_code,
        min(created_at)                                      as first_asked_at,
        max(created_at)                                      as last_asked_at,
        (array_agg(message_text order by created_at, message_id))[1] as example_text
    from questions
    group by 1, 2, 3

)

select
    cast(md5(institution_id || ':' || month_start || ':' || question_signature) as text) as question_group_id,
    cast(institution_id as text)                             as institution_id,
    cast(month_start as date)                                as month_start,
    cast(question_signature as text)                         as question_signature,
    cast(category_code as text)                              as category_code,
    cast(questions_count as integer)                         as questions_count,
    cast(channels_count as integer)                          as channels_count,
    cast(example_text as text)                               as example_text,
    cast(first_asked_at as timestamptz)                      as first_asked_at,
    cast(last_asked_at as timestamptz)                       as last_asked_at
from grouped
where questions_count >= 2
