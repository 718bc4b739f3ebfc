-- Every channel's inbound messages mapped onto one shape, with the institution they address.
with

institutions as (

    select * from {{ ref('institutions') }}

),

x_mentions as (

    select
        'x:' || institutions.institution_id || ':' || mentions.tweet_id as message_id,
        'x'                                                  as channel_id,
        institutions.institution_id,
        mentions.tweet_id                                    as native_id,
        mentions.author_pseudonym,
        mentions.created_at,
        mentions.tweet_text                                  as message_text,
        cast(null as integer)                                as star_rating,
        mentions.lang
    from {{ ref('stg_x__mentions') }} as mentions
    inner join institutions
        on institutions.x_user_id = mentions.mentioned_user_id
    where not mentions.is_self_mention

),

google_reviews as (

    select
        'google:' || institutions.institution_id || ':' || reviews.review_name as message_id,
        'google'                                             as channel_id,
        institutions.institution_id,
        reviews.review_name                                  as native_id,
        reviews.reviewer_pseudonym                           as author_pseudonym,
        reviews.created_at,
        reviews.review_comment                               as message_text,
        reviews.star_rating,
        cast(null as text)                                   as lang
    from {{ ref('int_google_reviews_deduplicated') }} as reviews
    inner join institutions
        on reviews.location_name
           = 'accounts/' || institutions.google_account_id || '/locations/' || institutions.google_location_id

),

unioned as (

    select * from x_mentions
    union all
    select * from google_reviews

)

select
    unioned.*,
    institutions.time_zone
from unioned
inner join institutions using (institution_id)
