select
    cast(institution_id as text)                             as institution_id,
    cast(institution_name as text)                           as institution_name,
    cast(institution_kind as text)                           as institution_kind,
    cast(time_zone as text)                                  as time_zone,
    cast(region_code as text)                                as region_code,
    cast(x_username as text)                                 as x_username,
    cast('accounts/' || google_account_id || '/locations/' || google_location_id as text)
                                                             as google_location_name
from {{ ref('institutions') }}
