from .profile import ProfileWithDateRange as ProfileWithDateRange
