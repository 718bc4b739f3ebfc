-- Google: each review of the institution's location, once (its latest version).
-- The channel's mapping onto the common shape (see int_inbound_messages_unioned / int_responses_unioned).
with

institutions as (

    select * from {{ ref('institutions') }}

),

annotations as (

    select * from {{ ref('stg_webcare__text_annotations') }} where text_kind = 'message'

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
        annotations.classifier_version,
        false                                                as is_hidden
    from {{ ref('int_google_reviews_deduplicated') }} as reviews
    inner join institutions
        on reviews.location_name = {{ google_location_name('institutions') }}
    left join annotations
        on  annotations.source_name = 'google_reviews'
        and annotations.account_id = reviews.location_name
        and annotations.record_key = reviews.review_name
        and annotations.record_version_id = reviews.review_version_id

)

select * from google_reviews
