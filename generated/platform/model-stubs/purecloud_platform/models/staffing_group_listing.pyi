from .staffing import StaffingGroupListing as StaffingGroupListing
