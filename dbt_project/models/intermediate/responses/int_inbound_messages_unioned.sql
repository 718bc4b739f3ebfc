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
        annotations.classifier_version,
        false                                                as is_hidden
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

),

facebook_comments as (

    -- a patient's top-level comment; replies in its thread are follow-ups, not new messages
    -- (threads are one level deep, so the page's answers to them cannot be told apart)
    select
        'facebook:' || institutions.institution_id || ':' || comments.comment_id as message_id,
        'facebook'                                           as channel_id,
        institutions.institution_id,
        comments.comment_id                                  as native_id,
        comments.author_pseudonym,
        comments.created_at,
        cast(null as integer)                                as star_rating,
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
    from {{ ref('stg_facebook__comments') }} as comments
    inner join institutions
        on institutions.facebook_page_id = comments.page_id
    left join annotations
        on  annotations.source_name = 'facebook_comments'
        and annotations.account_id = comments.page_id
        and annotations.record_key = comments.comment_id
        and annotations.record_version_id = comments.comment_version_id
    where comments.parent_comment_id is null
      and not comments.is_by_page

),

instagram_comments as (

    -- a top-level comment by someone else than the account; hidden ones are counted and flagged
    select
        'instagram:' || institutions.institution_id || ':' || comments.comment_id as message_id,
        'instagram'                                          as channel_id,
        institutions.institution_id,
        comments.comment_id                                  as native_id,
        comments.author_pseudonym,
        comments.created_at,
        cast(null as integer)                                as star_rating,
        cast(null as text)                                   as lang,
        annotations.redacted_text                            as message_text,
        annotations.has_pii,
        annotations.intent,
        annotations.domain_code,
        annotations.category_code,
        annotations.sentiment,
        annotations.question_signature,
        annotations.classifier_version,
        comments.is_hidden
    from {{ ref('stg_instagram__comments') }} as comments
    inner join institutions
        on institutions.instagram_user_id = comments.ig_user_id
    left join annotations
        on  annotations.source_name = 'instagram_comments'
        and annotations.account_id = comments.ig_user_id
        and annotations.record_key = comments.comment_id
        and annotations.record_version_id = comments.comment_version_id
    where comments.parent_comment_id is null
      and not comments.is_by_account

),

imported_messages as (

    -- every message a patient wrote in an export (follow-ups too, as on X)
    select
        imported.channel_id || ':' || accounts.institution_id || ':' || imported.record_key as message_id,
        imported.channel_id,
        accounts.institution_id,
        imported.record_key                                  as native_id,
        imported.author_pseudonym,
        imported.created_at,
        imported.star_rating,
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
    from {{ ref('stg_imports__messages') }} as imported
    inner join {{ ref('int_institution_accounts') }} as accounts
        on accounts.account_id = imported.account_id
    left join annotations
        on  annotations.source_name = 'imported_messages'
        and annotations.account_id = imported.account_id
        and annotations.record_key = imported.record_key
        and annotations.record_version_id = imported.record_version_id
    where not imported.is_institution

),

unioned as (

    select * from x_mentions
    union all
    select * from google_reviews
    union all
    select * from facebook_comments
    union all
    select * from instagram_comments
    union all
    select * from imported_messages

)

select
    unioned.*,
    institutions.time_zone
from unioned
inner join institutions using (institution_id)
