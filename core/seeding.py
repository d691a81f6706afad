"""Mechanics for idempotent demo and reference data."""


def upsert(model, lookup, values):
    """Create the row, or save it only where a value differs: a rerun writes nothing, so it
    adds no history rows and moves no `updated_at`."""
    obj = model.objects.filter(**lookup).first()
    if obj is None:
        return model.objects.create(**lookup, **values)
    changed = [field for field, value in values.items() if getattr(obj, field) != value]
    for field in changed:
        setattr(obj, field, values[field])
    if changed:
        obj.save()
    return obj
