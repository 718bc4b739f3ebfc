-- Imported exports: institution records that answer a message of the same mapping.
-- The channel's mapping onto the common shape (see int_inbound_messages_unioned / int_responses_unioned).
with

annotations as (

    select * from {{ ref('stg_webcare__text_annotations') }} where text_kind = 'reply'

),

imported_replies as (

    select
        'imported-reply:' || accounts.institution_id || ':' || replies.record_key as response_id,
        replies.channel_id,
        accounts.institution_id,
        replies.channel_id || ':' || accounts.institution_id || ':' || replies.in_reply_to_record_key as message_id,
        replies.created_at                                   as responded_at,
        annotations.redacted_text                            as reply_text,
        annotations.tone,
        annotations.moves_to_private,
        annotations.gives_medical_advice,
        annotations.classifier_version
    from {{ ref('stg_imports__messages') }} as replies
    inner join {{ ref('int_institution_accounts') }} as accounts
        on accounts.account_id = replies.account_id
    left join annotations
        on  annotations.source_name = 'imported_messages'
        and annotations.account_id = replies.account_id
        and annotations.record_key = replies.record_key
        and annotations.record_version_id = replies.record_version_id
    where replies.is_institution
      and replies.in_reply_to_record_key is not null

)

select * from imported_replies
