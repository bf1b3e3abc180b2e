from .member import MemberListing as MemberListing
