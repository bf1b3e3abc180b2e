from .topic import TopicPhrase as TopicPhrase
