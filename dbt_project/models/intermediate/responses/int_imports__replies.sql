-- Imported exports: institution records that answer a message of the same mapping.
-- The channel's mapping onto the common shape (see int_inbound_messages_unioned / int_responses_unioned).
with

imported_replies as (

    select
        'imported-reply:' || accounts.institution_id || ':' || replies.record_key as response_id,
        replies.channel_id,
        accounts.institution_id,
        replies.channel_id || ':' || accounts.institution_id || ':' || replies.in_reply_to_record_key as message_id,
        replies.created_at                                   as responded_at,
        {{ annotation_columns('reply') }}
    from {{ ref('stg_imports__messages') }} as replies
    inner join {{ ref('int_institution_accounts') }} as accounts
        on accounts.account_id = replies.account_id
    {{ join_annotations('reply', 'imported_messages', 'replies.account_id', 'replies.record_key', 'replies.record_version_id') }}
    where replies.is_institution
      and replies.in_reply_to_record_key is not null

)

select * from imported_replies
