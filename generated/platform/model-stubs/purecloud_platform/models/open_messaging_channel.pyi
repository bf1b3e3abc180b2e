from .open import OpenMessagingChannel as OpenMessagingChannel
