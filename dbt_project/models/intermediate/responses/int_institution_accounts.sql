-- Every identifier an institution is known by on a channel, one row each: what an export file may
-- name as its account (webcare.imports) resolves to the institution here.
with

institutions as (

    select * from {{ ref('stg_webcare__institutions') }}

),

accounts as (

    select institution_id, 'institution' as account_kind, institution_id as account_id from institutions
    union all
    select institution_id, 'x_user_id', x_user_id from institutions
    union all
    select institution_id, 'x_username', x_username from institutions
    union all
    select institution_id, 'google_location_id', google_location_id from institutions
    union all
    select institution_id, 'google_location_name', {{ google_location_name('institutions') }} from institutions
    union all
    select institution_id, 'facebook_page_id', facebook_page_id from institutions
    union all
    select institution_id, 'instagram_user_id', instagram_user_id from institutions

)

-- one row per identifier and institution (a registered account's lower-case handle is also its
-- institution id); two institutions sharing an identifier still fail the unique test
select institution_id, min(account_kind) as account_kind, account_id
from accounts
where account_id is not null
group by institution_id, account_id
