-- Every channel's inbound messages mapped onto one shape, with the institution they address and
-- their redacted text and labels (webcare.annotate; raw text never reaches the models).
with

institutions as (

    select * from {{ ref('institutions') }}

),

annotations as (

    select * from {{ ref('stg_webcare__text_annotations') }} where text_kind = 'message'

),

x_mentions as (

    select
        'x:' || institutions.institution_id || ':' || mentions.tweet_id as message_id,
        'x'                                                  as channel_id,
        institutions.institution_id,
        mentions.tweet_id                                    as native_id,
        mentions.author_pseudonym,
        mentions.created_at,
        cast(null as integer)                                as star_rating,
        mentions.lang,
        annotations.redacted_text                            as message_text,
        annotations.has_pii,
        annotations.intent,
        annotations.domain_code,
        annotations.category_code,
        annotations.sentiment,
        annotations.question_signature,
        annotations.classifier_version
    from {{ ref('stg_x__mentions') }} as mentions
    inner join institutions
        on institutions.x_user_id = mentions.mentioned_user_id
    left join annotations
        on  annotations.source_name = 'x_mentions'
        and annotations.account_id = mentions.mentioned_user_id
        and annotations.record_key = mentions.tweet_id
        and annotations.record_version_id = mentions.tweet_version_id
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
        reviews.star_rating,
        cast(null as text)                                   as lang,
        annotations.redacted_text                            as message_text,
        annotations.has_pii,
        annotations.intent,
        annotations.domain_code,
        annotations.category_code,
        annotations.sentiment,
        annotations.question_signature,
        annotations.classifier_version
    from {{ ref('int_google_reviews_deduplicated') }} as reviews
    inner join institutions
        on reviews.location_name = {{ google_location_name('institutions') }}
    left join annotations
        on  annotations.source_name = 'google_reviews'
        and annotations.account_id = reviews.location_name
        and annotations.record_key = reviews.review_name
        and annotations.record_version_id = reviews.review_version_id

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
