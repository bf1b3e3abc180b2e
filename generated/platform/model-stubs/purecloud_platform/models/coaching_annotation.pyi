from .coaching import CoachingAnnotation as CoachingAnnotation
