-- Imported exports: every record not written by the institution (follow-ups too, as on X).
-- The channel's mapping onto the common shape (see int_inbound_messages_unioned / int_responses_unioned).
with

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
        {{ annotation_columns('message') }},
        false                                                as is_hidden,
        cast(null as timestamptz)                            as deleted_at  -- no complete reads: deletions unknown
    from {{ ref('stg_imports__messages') }} as imported
    inner join {{ ref('int_institution_accounts') }} as accounts
        on accounts.account_id = imported.account_id
    {{ join_annotations('message', 'imported_messages', 'imported.account_id', 'imported.record_key', 'imported.record_version_id') }}
    where not imported.is_institution

)

select * from imported_messages
