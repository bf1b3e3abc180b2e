from .channel import ChannelTopic as ChannelTopic
