from .channel import ChannelEntityListing as ChannelEntityListing
