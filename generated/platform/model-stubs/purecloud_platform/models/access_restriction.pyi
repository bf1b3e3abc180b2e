from .access import AccessRestriction as AccessRestriction
