-- Google: the owner's reply of a review, as first seen.
-- The channel's mapping onto the common shape (see int_inbound_messages_unioned / int_responses_unioned).
with

institutions as (

    select * from {{ ref('stg_webcare__institutions') }}

),

google_replies as (

    select
        'google-reply:' || reviews.review_name               as response_id,
        'google'                                             as channel_id,
        institutions.institution_id,
        'google:' || institutions.institution_id || ':' || reviews.review_name as message_id,
        reviews.reply_first_seen_at                          as responded_at,
        {{ annotation_columns('reply') }}
    from {{ ref('int_google_reviews_deduplicated') }} as reviews
    inner join institutions
        on reviews.location_name = {{ google_location_name('institutions') }}
    {{ join_annotations('reply', 'google_reviews', 'reviews.location_name', 'reviews.review_name', 'reviews.review_version_id') }}
    where reviews.reply_first_seen_at is not null

)

select * from google_replies
