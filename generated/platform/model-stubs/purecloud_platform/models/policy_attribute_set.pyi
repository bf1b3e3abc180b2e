from .policy import PolicyAttributeSet as PolicyAttributeSet
