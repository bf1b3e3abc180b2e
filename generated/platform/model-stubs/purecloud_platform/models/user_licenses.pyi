from .user import UserLicenses as UserLicenses
