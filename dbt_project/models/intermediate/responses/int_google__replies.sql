-- Google: the owner's reply of a review, as first seen.
-- The channel's mapping onto the common shape (see int_inbound_messages_unioned / int_responses_unioned).
with

institutions as (

    select * from {{ ref('institutions') }}

),

annotations as (

    select * from {{ ref('stg_webcare__text_annotations') }} where text_kind = 'reply'

),

google_replies as (

    select
        'google-reply:' || reviews.review_name               as response_id,
        'google'                                             as channel_id,
        institutions.institution_id,
        'google:' || institutions.institution_id || ':' || reviews.review_name as message_id,
        reviews.reply_first_seen_at                          as responded_at,
        annotations.redacted_text                            as reply_text,
        annotations.tone,
        annotations.moves_to_private,
        annotations.gives_medical_advice,
        annotations.classifier_version
    from {{ ref('int_google_reviews_deduplicated') }} as reviews
    inner join institutions
        on reviews.location_name = {{ google_location_name('institutions') }}
    left join annotations
        on  annotations.source_name = 'google_reviews'
        and annotations.account_id = reviews.location_name
        and annotations.record_key = reviews.review_name
        and annotations.record_version_id = reviews.review_version_id
    where reviews.reply_first_seen_at is not null

)

select * from google_replies
