-- Every institution: the institutions seed (the one list) and the accounts that imports
-- registered as institutions (reference.registered_institutions, written by
-- `python -m webcare.imports ... --register-accounts`; docs/file-imports.md#accounts-from-the-data).
-- A seed row wins over a registered row with the same institution id.
with

seeded as (

    select * from {{ ref('institutions') }}

),

registered as (

    select * from {{ source('webcare_registry', 'registered_institutions') }}

),

unioned as (

    select
        institution_id,
        institution_name,
        institution_kind,
        time_zone,
        region_code,
        x_user_id,
        x_username,
        google_account_id,
        google_location_id,
        facebook_page_id,
        instagram_user_id,
        false                                                as is_registered
    from seeded

    union all

    select
        registered.institution_id,
        registered.institution_name,
        registered.institution_kind,
        registered.time_zone,
        registered.region_code,
        registered.x_user_id,
        registered.x_username,
        registered.google_account_id,
        registered.google_location_id,
        registered.facebook_page_id,
        registered.instagram_user_id,
        true                                                 as is_registered
    from registered
    where not exists (select 1 from seeded where seeded.institution_id = registered.institution_id)

)

select * from unioned
