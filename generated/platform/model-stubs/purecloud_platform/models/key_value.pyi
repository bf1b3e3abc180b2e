from .key import KeyValue as KeyValue
