'use client'
import { TextField, useField } from '@payloadcms/ui'
import { useSearchParams } from 'next/navigation'
import type { TextFieldClientComponent } from 'payload'
import React, { useEffect, useRef } from 'react'

/**
 * A text field (single or `hasMany`) whose initial value comes from the URL parameter of the same
 * name, so a link such as `/admin/collections/search-synonyms/create?terms=movie` opens a form with
 * the field filled in (the Search insights view links rows this way). It fills an empty field once
 * and never overwrites what is there.
 */
export const PrefillFromQuery: TextFieldClientComponent = (props) => {
  const { path, field } = props
  const { value, setValue } = useField<string | string[]>({ path })
  const searchParams = useSearchParams()
  const done = useRef(false)
  useEffect(() => {
    if (done.current) return
    done.current = true
    const given = searchParams
      ?.getAll(field.name)
      .map((entry) => entry.trim())
      .filter(Boolean)
    const empty = value === undefined || value === null || value === '' || value?.length === 0
    if (!given?.length || !empty) return
    setValue(field.hasMany ? given : given[0])
  }, [field.hasMany, field.name, searchParams, setValue, value])
  return <TextField {...props} />
}
