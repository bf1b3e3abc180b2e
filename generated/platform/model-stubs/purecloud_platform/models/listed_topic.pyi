from .listed import ListedTopic as ListedTopic
