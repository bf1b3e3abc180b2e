from .subscriber import SubscriberResponse as SubscriberResponse
