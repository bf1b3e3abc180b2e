from .base import BaseTopicEntitiy as BaseTopicEntitiy
