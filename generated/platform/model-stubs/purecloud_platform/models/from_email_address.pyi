from .from_ import FromEmailAddress as FromEmailAddress
